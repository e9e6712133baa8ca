package org.visionzero.streams.routing;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnRequested;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/** Sends {@link Outbound} records to their topics, each with the serdes of its {@link Topic} descriptor. */
public final class OutboundRoutes {
  private OutboundRoutes() {}

  /**
   * Splits a processor's output into one stream per route; a processor must only forward routes it lists.
   *
   * @param prefix unique prefix of the node names (the processor's name)
   */
  public static Map<Outbound.Route, KStream<String, Outbound>> split(KStream<String, Outbound> out, String prefix,
      Set<Outbound.Route> routes) {
    var branched = out.split(Named.as(prefix + "-route-"));
    for (Outbound.Route route : routes) {
      branched = branched.branch((key, value) -> value.route() == route, Branched.as(nameOf(route)));
    }
    Map<String, KStream<String, Outbound>> byName = branched.noDefaultBranch();
    Map<Outbound.Route, KStream<String, Outbound>> byRoute = new EnumMap<>(Outbound.Route.class);
    for (Outbound.Route route : routes) {
      byRoute.put(route, byName.get(prefix + "-route-" + nameOf(route)));
    }
    return byRoute;
  }

  /** Writes every topic-bound branch of a split to its catalog topic; RELEASE branches are left to the caller. */
  public static void toTopics(Map<Outbound.Route, KStream<String, Outbound>> branches, String prefix,
      TopicCatalog topics) {
    branches.forEach((route, stream) -> {
      switch (route) {
        case GAME_EVENT -> sink(stream, prefix, route, topics.gameEvents(), GameEvent.class);
        case TURN_REQUEST -> sink(stream, prefix, route, topics.turnRequests(), TurnRequested.class);
        case TRAJECTORY -> sink(stream, prefix, route, topics.trajectories(), ScoredTrajectory.class);
        case DEAD_LETTER -> sink(stream, prefix, route, topics.deadLetters(), DeadLetter.class);
        case RELEASE -> { }
      }
    });
  }

  private static <V> void sink(KStream<String, Outbound> stream, String prefix, Outbound.Route route,
      Topic<String, V> topic, Class<V> type) {
    String name = prefix + "-to-" + nameOf(route);
    stream.mapValues(value -> value.valueAs(type), Named.as(name + "-value"))
        .to(topic.name(), Produced.with(Serdes.String(), topic.valueSerde()).withName(name));
  }

  private static String nameOf(Outbound.Route route) {
    return route.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
