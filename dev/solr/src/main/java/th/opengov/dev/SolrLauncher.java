package th.opengov.dev;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Serves a real Solr over HTTP on 127.0.0.1 from a generated Solr home.
 * Usage: SolrLauncher SOLR_HOME PORT
 */
public final class SolrLauncher {
  private SolrLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SolrLauncher SOLR_HOME PORT");
      System.exit(2);
    }
    Path home = Paths.get(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    // Loopback only: nothing outside this machine may reach the development Solr.
    System.setProperty("host", "127.0.0.1");
    System.setProperty("solr.host", "127.0.0.1");
    System.setProperty("jetty.host", "127.0.0.1");
    JettyConfig config = JettyConfig.builder()
        .setPort(port)
        .setContext("/solr")
        .stopAtShutdown(true)
        .build();
    JettySolrRunner runner = new JettySolrRunner(home.toString(), config);
    runner.start();
    System.out.println("Solr ready at http://127.0.0.1:" + runner.getLocalPort() + "/solr");
    new CountDownLatch(1).await();
  }
}
