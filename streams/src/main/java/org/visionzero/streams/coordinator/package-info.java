/**
 * The game coordinator: two sub-topologies of one Kafka Streams application ({@code exactly_once_v2}).
 *
 * <p><b>Admission</b> (one task, single-partition inputs): image pairs, game requests, checkpoints and the
 * ids of ended games. It owns the waiting FIFO, the in-flight set and the per-pair use counts, and writes
 * {@code GameStarted} to {@code game-events} while fewer than {@code max.games.in.flight} games run.
 *
 * <p><b>Games</b> (one task per {@code game-events} partition): folds every game with the {@code game}
 * module's {@code GameDecider}/{@code GameEvolver}, writes turn requests, retries, completions and aborts,
 * and — when a game ends — sends its id through the named single-partition repartition topic
 * {@value org.visionzero.streams.coordinator.CoordinatorStores#RELEASES}{@code -repartition} back to admission.
 *
 * <p>Why it is correct under exactly-once and restarts: every decision is a store write plus output records
 * in the same transaction. A crash rolls back both; the input is re-read and decided again from the restored
 * state. The release of a game is produced in the transaction that ends the game, and admission frees the
 * slot when it consumes it (idempotently: a game id not in flight is ignored), so the in-flight count can be
 * late by one commit but never wrong.
 */
package org.visionzero.streams.coordinator;
