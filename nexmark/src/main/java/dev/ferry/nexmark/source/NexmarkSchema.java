package dev.ferry.nexmark.source;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The physical row the {@code nexmark} source produces, as nexmark-flink's DDL declares it: the
 * event type (0 person, 1 auction, 2 bid) and one ROW per kind.
 */
public final class NexmarkSchema {

    public static final DataType PERSON = DataTypes.ROW(
            DataTypes.FIELD("id", DataTypes.BIGINT()),
            DataTypes.FIELD("name", DataTypes.STRING()),
            DataTypes.FIELD("emailAddress", DataTypes.STRING()),
            DataTypes.FIELD("creditCard", DataTypes.STRING()),
            DataTypes.FIELD("city", DataTypes.STRING()),
            DataTypes.FIELD("state", DataTypes.STRING()),
            DataTypes.FIELD("dateTime", DataTypes.TIMESTAMP(3)),
            DataTypes.FIELD("extra", DataTypes.STRING()));

    public static final DataType AUCTION = DataTypes.ROW(
            DataTypes.FIELD("id", DataTypes.BIGINT()),
            DataTypes.FIELD("itemName", DataTypes.STRING()),
            DataTypes.FIELD("description", DataTypes.STRING()),
            DataTypes.FIELD("initialBid", DataTypes.BIGINT()),
            DataTypes.FIELD("reserve", DataTypes.BIGINT()),
            DataTypes.FIELD("dateTime", DataTypes.TIMESTAMP(3)),
            DataTypes.FIELD("expires", DataTypes.TIMESTAMP(3)),
            DataTypes.FIELD("seller", DataTypes.BIGINT()),
            DataTypes.FIELD("category", DataTypes.BIGINT()),
            DataTypes.FIELD("extra", DataTypes.STRING()));

    public static final DataType BID = DataTypes.ROW(
            DataTypes.FIELD("auction", DataTypes.BIGINT()),
            DataTypes.FIELD("bidder", DataTypes.BIGINT()),
            DataTypes.FIELD("price", DataTypes.BIGINT()),
            DataTypes.FIELD("channel", DataTypes.STRING()),
            DataTypes.FIELD("url", DataTypes.STRING()),
            DataTypes.FIELD("dateTime", DataTypes.TIMESTAMP(3)),
            DataTypes.FIELD("extra", DataTypes.STRING()));

    public static final DataType ROW = DataTypes.ROW(
            DataTypes.FIELD("event_type", DataTypes.INT()),
            DataTypes.FIELD("person", PERSON),
            DataTypes.FIELD("auction", AUCTION),
            DataTypes.FIELD("bid", BID));

    public static final RowType ROW_TYPE = (RowType) ROW.getLogicalType();

    private NexmarkSchema() {}
}
