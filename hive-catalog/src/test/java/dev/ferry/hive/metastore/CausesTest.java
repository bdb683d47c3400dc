package dev.ferry.hive.metastore;

import org.apache.hadoop.hive.metastore.api.MetaException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CausesTest {

    @Test
    void givenHivesStringifiedConnectFailure_whenShortened_thenOnlyTheReasonRemains() {
        MetaException error = new MetaException("Could not connect to meta store using any of the URIs provided."
                + " Most recent failure: org.apache.thrift.transport.TTransportException:"
                + " java.net.ConnectException: Connection refused (Connection refused)\n"
                + "\tat org.apache.thrift.transport.TSocket.open(TSocket.java:243)\n");

        assertThat(Causes.rootMessage(error)).isEqualTo("Connection refused");
    }

    @Test
    void givenANestedCause_whenShortened_thenTheInnermostMessageIsUsed() {
        RuntimeException error = new RuntimeException("outer", new IllegalStateException("inner reason"));

        assertThat(Causes.rootMessage(error)).isEqualTo("inner reason");
    }

    @Test
    void givenHivesGotExceptionWording_whenShortened_thenOnlyTheReasonRemains() {
        MetaException error = new MetaException(
                "Got exception: org.apache.thrift.transport.TTransportException MaxMessageSize reached");

        assertThat(Causes.rootMessage(error)).isEqualTo("MaxMessageSize reached");
    }
}
