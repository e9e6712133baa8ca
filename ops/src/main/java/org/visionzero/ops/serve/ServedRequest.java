package org.visionzero.ops.serve;

import org.visionzero.events.PolicyRef;
import org.visionzero.policy.PolicyTurn;

/**
 * A chat completion request read as a turn of the game.
 *
 * @param model    the version asked for (version -1: current)
 * @param turn     the turn, with the request's temperature, seed and (for a decision) {@code n} samples
 * @param n        choices to return
 * @param tokenIds spell logprob tokens as {@code token_id:<id>}
 */
public record ServedRequest(PolicyRef model, PolicyTurn turn, int n, boolean tokenIds) {}
