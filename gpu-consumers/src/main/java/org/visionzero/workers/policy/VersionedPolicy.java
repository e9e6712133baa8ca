package org.visionzero.workers.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;

/**
 * A policy answering as a given version: scripted policies have no weights, so a checkpoint of one only
 * names its version, and every answer must still record the version that produced it.
 */
public final class VersionedPolicy implements Policy {
  private final Policy delegate;
  private final VersionKey version;

  public VersionedPolicy(Policy delegate, VersionKey version) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.version = Objects.requireNonNull(version, "version");
  }

  @Override
  public PolicyRef ref() {
    return version.toRef();
  }

  @Override
  public List<ClueAnswer> clues(List<PolicyTurn> turns) {
    List<ClueAnswer> out = new ArrayList<>();
    for (ClueAnswer a : delegate.clues(turns)) {
      out.add(new ClueAnswer(a.text(), a.tokenIds(), a.logProbs(), ref()));
    }
    return out;
  }

  @Override
  public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
    List<DecisionAnswer> out = new ArrayList<>();
    for (DecisionAnswer a : delegate.decisions(turns)) {
      out.add(new DecisionAnswer(a.samples(), ref()));
    }
    return out;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
