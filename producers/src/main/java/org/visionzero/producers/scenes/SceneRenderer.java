package org.visionzero.producers.scenes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;

/**
 * Draws a CLEVR-style scene with Java2D: a lit floor, soft shadows, shaded spheres, cubes and cylinders,
 * metal with specular highlights and a hint of reflected floor, rubber matte. Pure function of its inputs.
 */
public final class SceneRenderer {

  private static final Color WHITE = Color.WHITE;
  private static final Color OUTLINE = new Color(20, 20, 20);
  private static final int OUTLINE_ALPHA = 90;
  private static final int SHADOW_OUTER_ALPHA = 40;
  private static final int SHADOW_INNER_ALPHA = 55;
  private static final double SHADOW_INNER_SHRINK = 0.7;
  private static final int REFLECTION_ALPHA = 70;
  /** The mirrored floor on a metal sphere starts this far below the centre (share of the radius). */
  private static final double SPHERE_REFLECTION_TOP = 0.3;
  private static final int METAL_EDGE_ALPHA = 150;
  /** The sphere's gradient centre and its brightest spot sit towards the light by these shares of the radius. */
  private static final double SPHERE_GRADIENT_SHIFT = 0.25;
  private static final double SPHERE_LIT_SPOT_SHIFT = 0.45;
  private static final double SPHERE_GRADIENT_RADIUS = 1.3;
  /** A cylinder's brightest vertical line: centred, moved towards the light by up to this share of its width. */
  private static final float CYLINDER_LIT_CENTRE = 0.5f;
  private static final float CYLINDER_LIT_SWING = 0.3f;
  /** A metal cylinder's lid: brighter on one side, darker on the other. */
  private static final double METAL_LID_GLINT = 0.3;
  private static final double METAL_LID_DARK = 0.8;
  private static final float OUTLINE_WIDTH = 0.7f;
  /** The cube's front face is this share of its full on-screen width; the rest is the receding side. */
  private static final double CUBE_DEPTH_X = 0.38;
  private static final double CUBE_DEPTH_Y = 0.30;
  private static final double CYLINDER_HALF_WIDTH = 0.9;
  private static final double CYLINDER_ELLIPSE = 0.36;
  /** Light direction components besides the jittered horizontal one: from above and from the camera side. */
  private static final double LIGHT_UP = 1.0;
  private static final double LIGHT_FRONT = 0.7;
  private static final double AMBIENT = 0.45;
  private static final double DIFFUSE = 0.8;

  /** Renders the objects as seen with the given camera and light. */
  public BufferedImage render(List<SceneObject> objects, SceneView view, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      setQuality(g);
      drawFloor(g, view, width, height);
      List<SceneObject> backToFront = objects.stream().sorted(Comparator.comparingDouble(SceneObject::depth)).toList();
      for (SceneObject object : backToFront) {
        drawShadow(g, object, view);
      }
      for (SceneObject object : backToFront) {
        drawObject(g, object, view);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * A copy of a rendered scene with some objects replaced, redrawn only inside the given regions. Gives the same
   * pixels as rendering the whole new scene, provided every region holds only its replaced object and shadow (the
   * layout keeps objects apart); a test checks this against full renders.
   */
  public BufferedImage redraw(BufferedImage rendered, List<SceneObject> replaced, List<Rectangle> regions,
                              SceneView view) {
    if (replaced.size() != regions.size()) {
      throw new IllegalArgumentException("one region per replaced object: got " + replaced.size() + " objects and "
          + regions.size() + " regions");
    }
    BufferedImage copy = new BufferedImage(rendered.getColorModel(), rendered.copyData(null),
        rendered.isAlphaPremultiplied(), null);
    Graphics2D g = copy.createGraphics();
    try {
      setQuality(g);
      for (int i = 0; i < replaced.size(); i++) {
        g.setClip(regions.get(i));
        drawFloor(g, view, rendered.getWidth(), rendered.getHeight());
        drawShadow(g, replaced.get(i), view);
        drawObject(g, replaced.get(i), view);
      }
    } finally {
      g.dispose();
    }
    return copy;
  }

  private static void setQuality(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  private static void drawObject(Graphics2D g, SceneObject object, SceneView view) {
    switch (object.shape()) {
      case SPHERE -> drawSphere(g, object, view);
      case CUBE -> drawCube(g, object, view);
      case CYLINDER -> drawCylinder(g, object, view);
      default -> throw new IllegalArgumentException("unknown shape " + object.shape());
    }
  }

  private static void drawFloor(Graphics2D g, SceneView view, int width, int height) {
    g.setPaint(new GradientPaint(0, 0, view.floorFar(), 0, height, view.floorNear()));
    g.fillRect(0, 0, width, height);
  }

  private static void drawShadow(Graphics2D g, SceneObject object, SceneView view) {
    Ellipse2D outer = Footprint.shadow(object, view);
    g.setColor(new Color(0, 0, 0, SHADOW_OUTER_ALPHA));
    g.fill(outer);
    double w = outer.getWidth() * SHADOW_INNER_SHRINK;
    double h = outer.getHeight() * SHADOW_INNER_SHRINK;
    g.setColor(new Color(0, 0, 0, SHADOW_INNER_ALPHA));
    g.fill(new Ellipse2D.Double(outer.getCenterX() - w / 2, outer.getCenterY() - h / 2, w, h));
  }

  private static void drawSphere(Graphics2D g, SceneObject object, SceneView view) {
    double r = object.radius();
    double cx = object.x();
    double cy = object.y();
    double lx = view.lightX();
    Color base = object.color().rgb();
    Ellipse2D disc = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    Point2D centre = new Point2D.Double(cx + lx * r * SPHERE_GRADIENT_SHIFT, cy - r * SPHERE_GRADIENT_SHIFT);
    Point2D focus = new Point2D.Double(cx + lx * r * SPHERE_LIT_SPOT_SHIFT, cy - r * SPHERE_LIT_SPOT_SHIFT);
    MaterialLook look = MaterialLook.of(object.material());
    g.setPaint(new RadialGradientPaint(centre, (float) (r * SPHERE_GRADIENT_RADIUS), focus, look.sphereStops(),
        look.sphereColours(base), CycleMethod.NO_CYCLE));
    g.fill(disc);
    if (look.mirrorsFloor()) {
      reflectFloor(g, disc, view, cx - r, cy + r * SPHERE_REFLECTION_TOP, 2 * r, r);
    }
    highlight(g, focus.getX(), focus.getY(), r, look);
    outline(g, disc);
  }

  private static void drawCube(Graphics2D g, SceneObject object, SceneView view) {
    double r = object.radius();
    double side = 2 * r / (1 + CUBE_DEPTH_X);
    double dx = side * CUBE_DEPTH_X * (view.cubeSideOnRight() ? 1 : -1);
    double dy = side * CUBE_DEPTH_Y;
    double left = view.cubeSideOnRight() ? object.x() - r : object.x() - r - dx;
    double top = object.y() + r - side;
    Shape front = new Rectangle2D.Double(left, top, side, side);
    Shape lid = polygon(left, top, left + side, top, left + side + dx, top - dy, left + dx, top - dy);
    double edgeX = view.cubeSideOnRight() ? left + side : left;
    Shape flank = polygon(edgeX, top, edgeX + dx, top - dy, edgeX + dx, top - dy + side, edgeX, top + side);
    double sideNormal = view.cubeSideOnRight() ? 1 : -1;
    Color base = object.color().rgb();
    MaterialLook look = MaterialLook.of(object.material());
    fillFace(g, lid, Shading.shade(base, brightness(view, 0, 1, 0)), look);
    fillFace(g, front, Shading.shade(base, brightness(view, 0, 0, 1)), look);
    fillFace(g, flank, Shading.shade(base, brightness(view, sideNormal, 0, 0)), look);
    if (look.mirrorsFloor()) {
      g.setColor(Shading.withAlpha(WHITE, METAL_EDGE_ALPHA));
      g.setStroke(new BasicStroke(OUTLINE_WIDTH));
      g.draw(new Line2D.Double(left, top, left + side, top));
    }
    outline(g, cubeSilhouette(left, top, side, dx, dy));
  }

  /** The outer hexagon of a cube: the front square joined to its copy shifted back by (dx, -dy). */
  private static Shape cubeSilhouette(double left, double top, double side, double dx, double dy) {
    double right = left + side;
    double bottom = top + side;
    if (dx > 0) {
      return polygon(left, bottom, left, top, left + dx, top - dy, right + dx, top - dy, right + dx, bottom - dy,
          right, bottom);
    }
    return polygon(left, bottom, left + dx, bottom - dy, left + dx, top - dy, right + dx, top - dy, right, top,
        right, bottom);
  }

  private static void drawCylinder(Graphics2D g, SceneObject object, SceneView view) {
    double r = object.radius();
    double cx = object.x();
    double rx = r * CYLINDER_HALF_WIDTH;
    double ry = rx * CYLINDER_ELLIPSE;
    double topCentre = object.y() - r + ry;
    double bottomCentre = object.y() + r - ry;
    // Body: left side down, front half of the bottom ellipse, right side up, back along the lid's centre line.
    Path2D.Double body = new Path2D.Double();
    body.moveTo(cx - rx, topCentre);
    body.lineTo(cx - rx, bottomCentre);
    body.append(new Arc2D.Double(cx - rx, bottomCentre - ry, 2 * rx, 2 * ry, 180, 180, Arc2D.OPEN), true);
    body.lineTo(cx + rx, topCentre);
    body.closePath();
    Color base = object.color().rgb();
    MaterialLook look = MaterialLook.of(object.material());
    float litLine = CYLINDER_LIT_CENTRE + (float) view.lightX() * CYLINDER_LIT_SWING;
    g.setPaint(new LinearGradientPaint((float) (cx - rx), 0f, (float) (cx + rx), 0f, look.cylinderStops(litLine),
        look.cylinderColours(base)));
    g.fill(body);
    if (look.mirrorsFloor()) {
      reflectFloor(g, body, view, cx - rx, bottomCentre - ry, 2 * rx, 2 * ry);
    }
    Ellipse2D lid = new Ellipse2D.Double(cx - rx, topCentre - ry, 2 * rx, 2 * ry);
    Color lidColour = Shading.shade(base, brightness(view, 0, 1, 0));
    g.setPaint(look.mirrorsFloor() ? new GradientPaint((float) (cx - rx), 0f, Shading.mix(lidColour, WHITE,
        METAL_LID_GLINT), (float) (cx + rx), 0f, Shading.shade(lidColour, METAL_LID_DARK)) : lidColour);
    g.fill(lid);
    Path2D.Double silhouette = new Path2D.Double();
    silhouette.moveTo(cx - rx, topCentre);
    silhouette.append(new Arc2D.Double(cx - rx, topCentre - ry, 2 * rx, 2 * ry, 180, -180, Arc2D.OPEN), true);
    silhouette.lineTo(cx + rx, bottomCentre);
    silhouette.append(new Arc2D.Double(cx - rx, bottomCentre - ry, 2 * rx, 2 * ry, 0, -180, Arc2D.OPEN), true);
    silhouette.closePath();
    outline(g, silhouette);
    g.setColor(Shading.withAlpha(OUTLINE, OUTLINE_ALPHA / 2));
    g.draw(lid);
  }

  /** Lambert brightness of a face with the given normal (x right, y up, z towards the camera). */
  private static double brightness(SceneView view, double nx, double ny, double nz) {
    double lx = view.lightX();
    double length = Math.sqrt(lx * lx + LIGHT_UP * LIGHT_UP + LIGHT_FRONT * LIGHT_FRONT);
    double dot = (nx * lx + ny * LIGHT_UP + nz * LIGHT_FRONT) / length;
    return AMBIENT + DIFFUSE * Math.max(0, dot);
  }

  private static void fillFace(Graphics2D g, Shape face, Color colour, MaterialLook look) {
    Rectangle2D box = face.getBounds2D();
    double spread = look.faceSpread();
    g.setPaint(new GradientPaint((float) box.getMinX(), (float) box.getMinY(), Shading.shade(colour, 1 + spread),
        (float) box.getMaxX(), (float) box.getMaxY(), Shading.shade(colour, 1 - spread)));
    g.fill(face);
  }

  /** Metal mirrors the floor faintly on its lower part: a suggestion of reflection, confined to the object. */
  private static void reflectFloor(Graphics2D g, Shape object, SceneView view, double x, double y, double w,
                                   double h) {
    Shape oldClip = g.getClip();
    g.clip(object);
    g.setColor(Shading.withAlpha(view.floorNear(), REFLECTION_ALPHA));
    g.fill(new Ellipse2D.Double(x, y, w, h));
    g.setClip(oldClip);
  }

  private static void highlight(Graphics2D g, double x, double y, double r, MaterialLook look) {
    double w = r * look.highlightWidth();
    double h = r * look.highlightHeight();
    g.setColor(Shading.withAlpha(WHITE, look.highlightAlpha()));
    g.fill(new Ellipse2D.Double(x - w / 2, y - h / 2, w, h));
  }

  private static void outline(Graphics2D g, Shape shape) {
    g.setColor(Shading.withAlpha(OUTLINE, OUTLINE_ALPHA));
    g.setStroke(new BasicStroke(OUTLINE_WIDTH));
    g.draw(shape);
  }

  private static Shape polygon(double... xy) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      path.lineTo(xy[i], xy[i + 1]);
    }
    path.closePath();
    return path;
  }
}
