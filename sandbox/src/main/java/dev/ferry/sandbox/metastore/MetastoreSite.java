package dev.ferry.sandbox.metastore;

import java.util.LinkedHashMap;
import java.util.Map;

/** The keys of the metastore server's metastore-site.xml and of the clients' hive-site.xml. */
public final class MetastoreSite {

    private MetastoreSite() {}

    public static Map<String, String> serverKeys(MetastoreSettings settings) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("javax.jdo.option.ConnectionURL", settings.jdbcUrl());
        keys.put("javax.jdo.option.ConnectionDriverName", settings.dbType().driverClass());
        keys.put("javax.jdo.option.ConnectionUserName", settings.dbType().user());
        keys.put("javax.jdo.option.ConnectionPassword", settings.dbType().password());
        keys.put("metastore.thrift.port", String.valueOf(settings.thriftPort()));
        keys.put("metastore.warehouse.dir", settings.warehouseDir());
        keys.put("fs.defaultFS", settings.defaultFs().toString());
        // The schematool creates the schema; the server must find exactly that version.
        keys.put("metastore.schema.verification", "true");
        keys.put("datanucleus.schema.autoCreateAll", "false");
        // Without these the 3.1.3 server looks for classes of the full Hive (PartitionExpressionForMetastore, ...).
        keys.put("metastore.expression.proxy", "org.apache.hadoop.hive.metastore.DefaultPartitionExpressionProxy");
        keys.put("metastore.task.threads.always", "org.apache.hadoop.hive.metastore.events.EventCleanerTask");
        // A failing call is retried 10 x 2 s by default: fail fast and clearly instead.
        keys.put("metastore.hmshandler.retry.attempts", "2");
        keys.put("metastore.hmshandler.retry.interval", "1s");
        return keys;
    }

    /** hive-site.xml for clients such as Flink's HiveCatalog. */
    public static Map<String, String> clientKeys(MetastoreSettings settings) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("hive.metastore.uris", settings.thriftUri());
        keys.put("hive.metastore.warehouse.dir", settings.warehouseDir());
        keys.put("hive.metastore.connect.retries", "3");
        keys.put("hive.metastore.failure.retries", "1");
        keys.put("hive.metastore.client.connect.retry.delay", "1s");
        return keys;
    }
}
