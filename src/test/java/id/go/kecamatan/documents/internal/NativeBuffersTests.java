package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

/** Photos' native buffers are kept and handed out again, within the memory they may keep. */
class NativeBuffersTests {

  private static final long MIB = 1024L * 1024;

  @Test
  void aBufferGivenBackServesTheNextPhotoOfAboutTheSameSize() {
    NativeBuffers buffers = new NativeBuffers(64 * MIB);
    long address;
    try (NativeBuffers.Lease pixels = buffers.take(9_000_000)) {
      assertThat(pixels.memory().size()).as("rounded up to whole mebibytes").isEqualTo(9 * MIB);
      address = Pointer.nativeValue(pixels.memory());
    }
    assertThat(buffers.keptNow()).isEqualTo(9 * MIB);

    try (NativeBuffers.Lease again = buffers.take(9_144_576)) {
      assertThat(Pointer.nativeValue(again.memory())).isEqualTo(address);
      assertThat(buffers.keptNow()).isZero();
    }
  }

  @Test
  void theSmallestBufferLargeEnoughIsTakenAndALargerOneIsMadeWhenNoneIs() {
    NativeBuffers buffers = new NativeBuffers(64 * MIB);
    NativeBuffers.Lease large = buffers.take(20 * MIB);
    NativeBuffers.Lease small = buffers.take(2 * MIB);
    NativeBuffers.Lease middle = buffers.take(9 * MIB);
    long middleAddress = Pointer.nativeValue(middle.memory());
    large.close();
    small.close();
    middle.close();

    try (NativeBuffers.Lease taken = buffers.take(3 * MIB)) {
      assertThat(Pointer.nativeValue(taken.memory())).isEqualTo(middleAddress);
    }
    try (NativeBuffers.Lease taken = buffers.take(30 * MIB)) {
      assertThat(taken.memory().size()).isEqualTo(30 * MIB);
      assertThat(buffers.keptNow()).as("none taken from the kept ones").isEqualTo(31 * MIB);
    }
  }

  @Test
  void buffersGivenBackBeyondWhatMayBeKeptAreFreedAndAClosedLeaseIsGivenBackOnce() {
    NativeBuffers buffers = new NativeBuffers(10 * MIB);
    NativeBuffers.Lease first = buffers.take(6 * MIB);
    NativeBuffers.Lease second = buffers.take(6 * MIB);
    first.close();
    first.close();
    second.close();

    assertThat(buffers.keptNow()).isEqualTo(6 * MIB);
    NativeBuffers.Lease one = buffers.take(MIB);
    NativeBuffers.Lease two = buffers.take(MIB);
    assertThat(Pointer.nativeValue(one.memory()))
        .as("the buffer given back twice is handed out once")
        .isNotEqualTo(Pointer.nativeValue(two.memory()));
    one.close();
    two.close();

    NativeBuffers none = new NativeBuffers(0);
    none.take(MIB).close();
    assertThat(none.keptNow()).isZero();
  }

  @Test
  void aLeaseShowsOnlyTheBytesItHoldsAndNothingIsAskedForWithoutSize() {
    NativeBuffers buffers = new NativeBuffers(64 * MIB);
    try (NativeBuffers.Lease lease = buffers.take(100)) {
      assertThat(lease.bytes(100).capacity()).isEqualTo(100);
      assertThat(lease.bytes(MIB).capacity()).isEqualTo((int) MIB);
      assertThatThrownBy(() -> lease.bytes(MIB + 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
    assertThatThrownBy(() -> buffers.take(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> buffers.take(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
