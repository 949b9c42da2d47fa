package id.go.kecamatan.demo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data into a database without offices before the web server opens, so the first
 * visitor already sees the demo. {@link DemoData}, and the services it loads through, are made only
 * then: a start on a database that holds the demo already does not make them (ADR 0037, third
 * round).
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoDataAtStart implements SmartInitializingSingleton {

  private final JdbcClient jdbc;
  private final ObjectProvider<DemoData> demo;

  DemoDataAtStart(JdbcClient jdbc, ObjectProvider<DemoData> demo) {
    this.jdbc = jdbc;
    this.demo = demo;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (jdbc.sql("select count(*) from office").query(Long.class).single() == 0) {
      demo.getObject().loadIntoEmptyDatabase();
    }
  }
}
