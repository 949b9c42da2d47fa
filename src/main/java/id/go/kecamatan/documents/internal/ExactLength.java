package id.go.kecamatan.documents.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream cut at a stated length that fails when the stream ends before it: a blob stored with a
 * stated length holds exactly that many bytes or is not stored at all.
 */
final class ExactLength extends FilterInputStream {

  private final long length;
  private long left;

  ExactLength(InputStream in, long length) {
    super(in);
    if (length < 0) {
      throw new IllegalArgumentException("negative length");
    }
    this.length = length;
    this.left = length;
  }

  @Override
  public int read() throws IOException {
    if (left == 0) {
      return -1;
    }
    int b = super.read();
    if (b < 0) {
      throw short_();
    }
    left--;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (left == 0) {
      return -1;
    }
    int n = super.read(b, off, (int) Math.min(len, left));
    if (n < 0) {
      throw short_();
    }
    left -= n;
    return n;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private IOException short_() {
    return new IOException(
        "The stream ended after " + (length - left) + " of " + length + " bytes");
  }
}
