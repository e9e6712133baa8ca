package org.visionzero.producers.publish;

/** Told about a run's progress; `vz produce` shows a progress bar. */
public interface ProgressListener {

  /** Listens to nothing. */
  ProgressListener NONE = new ProgressListener() {
    @Override
    public void onProgress(Progress progress) {
    }

    @Override
    public void onFinished(Progress progress) {
    }
  };

  /** Called after every input. */
  void onProgress(Progress progress);

  /** Called once at the end. */
  void onFinished(Progress progress);
}
