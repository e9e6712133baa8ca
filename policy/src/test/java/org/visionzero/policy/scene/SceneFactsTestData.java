package org.visionzero.policy.scene;

/** A small scene graph in the producers' JSON contract. */
public final class SceneFactsTestData {
  private SceneFactsTestData() {}

  public static final String JSON = """
      {"width":128,"height":128,
       "original":{"objects":[
         {"id":0,"shape":"cube","color":"red","size":"large","material":"metal","x":90.0,"y":80.2,"radius":12.0},
         {"id":1,"shape":"sphere","color":"blue","size":"small","material":"rubber","x":20.0,"y":30.0,"radius":6.0},
         {"id":2,"shape":"cylinder","color":"gray","size":"small","material":"rubber","x":50.0,"y":60.0,"radius":6.0}]},
       "modified":{"objects":[
         {"id":0,"shape":"sphere","color":"green","size":"large","material":"metal","x":90.0,"y":80.2,"radius":12.0},
         {"id":1,"shape":"cube","color":"yellow","size":"small","material":"rubber","x":20.0,"y":30.0,"radius":6.0},
         {"id":2,"shape":"cylinder","color":"gray","size":"small","material":"rubber","x":50.0,"y":60.0,"radius":6.0}]},
       "changedObjectIds":[0,1]}
      """;

}
