package id.go.kecamatan.documents;

/**
 * The limits on uploads ({@code layanan.documents.*}), for callers that show them on a form or
 * check a whole application before they ask {@link Documents} to store a file.
 *
 * @param maxFileBytes the largest single file accepted, as uploaded
 * @param maxFilesPerSlot the most documents one requirement of an application may hold
 * @param maxBytesPerApplication the most bytes, as stored, all documents of one application may
 *     hold together
 */
public record DocumentLimits(long maxFileBytes, int maxFilesPerSlot, long maxBytesPerApplication) {

  /** Whether a slot holding {@code files} documents can take no more. */
  public boolean slotFull(int files) {
    return files >= maxFilesPerSlot;
  }

  /**
   * Whether adding {@code more} bytes to an application already holding {@code already} is too
   * much.
   */
  public boolean exceedsApplication(long already, long more) {
    return already + more > maxBytesPerApplication;
  }

  public FileSize maxFile() {
    return new FileSize(maxFileBytes);
  }

  public FileSize maxApplication() {
    return new FileSize(maxBytesPerApplication);
  }
}
