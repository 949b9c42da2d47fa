package id.go.kecamatan.office;

import id.go.kecamatan.shared.startup.Prepared;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * All Indonesian region codes, from provinces to villages, read once from the shipped dataset
 * ({@code wilayah/wilayah.csv}, MIT licence): about 90,000 rows, read on a thread of their own
 * while the application starts (the first look-up waits for the rest).
 */
@Component
public class RegionDirectory {

  private final Prepared<Regions> regions;

  private record Regions(Map<String, Region> byCode, Map<String, List<Region>> children) {}

  public RegionDirectory() {
    this(new ClassPathResource("wilayah/wilayah.csv"));
  }

  RegionDirectory(ClassPathResource resource) {
    this.regions = Prepared.begin("region-directory", () -> read(resource));
  }

  private static Regions read(ClassPathResource resource) {
    Map<String, Region> regions = new HashMap<>(128_000);
    Map<String, List<Region>> kids = new HashMap<>(16_000);
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
      String line = reader.readLine(); // header
      while ((line = reader.readLine()) != null) {
        int comma = line.indexOf(',');
        if (comma < 0) {
          continue;
        }
        String name = line.substring(comma + 1);
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        Region region = new Region(line.substring(0, comma), name);
        regions.put(region.code(), region);
        if (region.parentCode() != null) {
          kids.computeIfAbsent(region.parentCode(), k -> new ArrayList<>()).add(region);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    kids.replaceAll((k, v) -> List.copyOf(v));
    return new Regions(Map.copyOf(regions), Map.copyOf(kids));
  }

  public Optional<Region> find(String code) {
    return code == null
        ? Optional.empty()
        : Optional.ofNullable(regions.get().byCode().get(code.strip()));
  }

  /** The regions directly below a code, in code order. */
  public List<Region> childrenOf(String code) {
    return regions.get().children().getOrDefault(code, List.of());
  }

  /** Whether a kecamatan exists for the six digits of a NIK ({@code 351616}). */
  public boolean kecamatanExists(String sixDigits) {
    if (sixDigits == null || !sixDigits.matches("\\d{6}")) {
      return false;
    }
    String code =
        sixDigits.substring(0, 2) + "." + sixDigits.substring(2, 4) + "." + sixDigits.substring(4);
    return find(code).map(r -> r.level() == Region.Level.KECAMATAN).orElse(false);
  }
}
