package id.go.kecamatan.statistics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rows of {@code stat_count} (and {@code stat_duration}) one contribution goes into: for the
 * office every combination of "this service or all", "this channel or all", "this village or all",
 * and for the regency the same without villages. So each selection a page offers reads one row per
 * month and measure instead of summing many.
 */
public final class Grains {

  /** The service or village of "all" (and of figures without one). */
  public static final UUID ALL = new UUID(0, 0);

  /** The channel of "all". */
  public static final String ALL_CHANNELS = "ALL";

  private Grains() {}

  /** One row key without the month and measure. */
  public record Key(UUID scopeId, UUID serviceId, String channel, UUID villageId) {}

  /**
   * The rows of an officer's own figures: their staff id as the scope, every combination of "this
   * service or all", "this channel or all", "this village or all" (no regency).
   */
  public static List<Key> officer(UUID staffId, UUID serviceId, String channel, UUID villageId) {
    List<Key> keys = new ArrayList<>();
    for (UUID s : serviceId == null ? List.of(ALL) : List.of(serviceId, ALL)) {
      for (String c : channel == null ? List.of(ALL_CHANNELS) : List.of(channel, ALL_CHANNELS)) {
        for (UUID v : villageId == null ? List.of(ALL) : List.of(villageId, ALL)) {
          keys.add(new Key(staffId, s, c, v));
        }
      }
    }
    return keys;
  }

  /**
   * @param serviceId may be null (a figure without a service)
   * @param channel may be null (a figure without a channel)
   * @param villageId may be null (a figure without a village)
   */
  public static List<Key> of(
      UUID officeId, UUID regencyId, UUID serviceId, String channel, UUID villageId) {
    List<UUID> services = serviceId == null ? List.of(ALL) : List.of(serviceId, ALL);
    List<String> channels =
        channel == null ? List.of(ALL_CHANNELS) : List.of(channel, ALL_CHANNELS);
    List<UUID> villages = villageId == null ? List.of(ALL) : List.of(villageId, ALL);
    List<Key> keys = new ArrayList<>();
    for (UUID s : services) {
      for (String c : channels) {
        for (UUID v : villages) {
          keys.add(new Key(officeId, s, c, v));
        }
        keys.add(new Key(regencyId, s, c, ALL));
      }
    }
    return keys;
  }
}
