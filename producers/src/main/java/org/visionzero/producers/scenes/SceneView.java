package org.visionzero.producers.scenes;

import java.awt.Color;
import java.util.Random;

/**
 * Camera and light of one scene, jittered per seed.
 *
 * @param groundTop       image y of the ground contact line at the back (depth 0)
 * @param groundBottom    image y of the ground contact line at the front (depth 1)
 * @param farScale        object scale at the back relative to the front (perspective)
 * @param lightX          horizontal light direction, -1 from the left … 1 from the right
 * @param cubeSideOnRight whether cubes show their right side face (camera yaw)
 * @param floorTone       grey level of the floor at the front
 */
public record SceneView(double groundTop, double groundBottom, double farScale, double lightX,
                        boolean cubeSideOnRight, int floorTone) {

  private static final double GROUND_TOP_SHARE = 0.40;
  private static final double GROUND_BOTTOM_SHARE = 0.85;
  private static final double CAMERA_JITTER_SHARE = 0.03;
  private static final double FAR_SCALE = 0.62;
  private static final double FAR_SCALE_JITTER = 0.06;
  private static final double LIGHT_X_RANGE = 0.8;
  private static final int FLOOR_TONE = 118;
  private static final int FLOOR_TONE_JITTER = 8;
  /** The floor lightens towards the back by this many grey levels. */
  private static final int FLOOR_FAR_LIFT = 30;

  /** A jittered view drawn from the random stream. */
  public static SceneView jittered(Random random, int height) {
    double groundTop = height * (GROUND_TOP_SHARE + jitter(random, CAMERA_JITTER_SHARE));
    double groundBottom = height * (GROUND_BOTTOM_SHARE + jitter(random, CAMERA_JITTER_SHARE));
    double farScale = FAR_SCALE + jitter(random, FAR_SCALE_JITTER);
    double lightX = jitter(random, LIGHT_X_RANGE);
    boolean sideOnRight = random.nextBoolean();
    int floorTone = FLOOR_TONE + (int) Math.round(jitter(random, FLOOR_TONE_JITTER));
    return new SceneView(groundTop, groundBottom, farScale, lightX, sideOnRight, floorTone);
  }

  /** Floor colour at the front of the image. */
  public Color floorNear() {
    return new Color(floorTone, floorTone, floorTone - 2);
  }

  /** Floor colour at the back of the image. */
  public Color floorFar() {
    int tone = Math.min(255, floorTone + FLOOR_FAR_LIFT);
    return new Color(tone, tone, tone - 2);
  }

  private static double jitter(Random random, double amplitude) {
    return (random.nextDouble() * 2 - 1) * amplitude;
  }
}
