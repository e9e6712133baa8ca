package org.visionzero.producers.photos;

import java.util.Locale;

/** The local edits made to a photo, with the difference kind recorded for each. */
public enum PhotoEdit {
  RECOLOUR("recolour"), PATCH_SWAP("patch-swap"), PAINT_OUT("paint-out"), ADD_OBJECT("add-object");

  private final String differenceKind;

  PhotoEdit(String differenceKind) {
    this.differenceKind = differenceKind;
  }

  public String differenceKind() {
    return differenceKind;
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
