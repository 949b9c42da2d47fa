package id.go.kecamatan.application;

/** A draft that was submitted already cannot be changed; its application follows from here. */
public class DraftSubmittedException extends RuntimeException {
  public DraftSubmittedException() {
    super("The draft was submitted already");
  }
}
