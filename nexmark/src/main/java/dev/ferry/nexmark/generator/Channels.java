package dev.ferry.nexmark.generator;

import java.util.SplittableRandom;

/**
 * The channels bids come through: half of all bids through four hot ones (whose URLs carry no
 * channel id), the rest through one of 10,000 others, most of whose URLs name their channel id.
 * A channel's URL depends only on its number, so the table is built lazily and shared.
 */
final class Channels {

    static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
    private static final int HOT_RATIO = 2;
    private static final int CHANNELS = 10_000;

    private final String[] hotUrls = new String[HOT_CHANNELS.length];
    private final String[] names = new String[CHANNELS];
    private final String[] urls = new String[CHANNELS];

    Channels() {
        for (int i = 0; i < HOT_CHANNELS.length; i++) {
            hotUrls[i] = baseUrl(new SplittableRandom(-1 - i));
        }
    }

    /** Picks a channel; returns its index: negative for hot channel {@code -1 - index}. */
    int pick(SplittableRandom random) {
        if (random.nextInt(HOT_RATIO) > 0) {
            return -1 - random.nextInt(HOT_CHANNELS.length);
        }
        return random.nextInt(CHANNELS);
    }

    String name(int channel) {
        if (channel < 0) {
            return HOT_CHANNELS[-1 - channel];
        }
        String name = names[channel];
        if (name == null) {
            name = "channel-" + channel;
            names[channel] = name;
        }
        return name;
    }

    String url(int channel) {
        if (channel < 0) {
            return hotUrls[-1 - channel];
        }
        String url = urls[channel];
        if (url == null) {
            url = channelUrl(channel);
            urls[channel] = url;
        }
        return url;
    }

    private static String channelUrl(int channel) {
        SplittableRandom random = new SplittableRandom(channel);
        String url = baseUrl(random);
        return random.nextInt(10) > 0 ? url + "&channel_id=" + Math.abs(Integer.reverse(channel)) : url;
    }

    private static String baseUrl(SplittableRandom random) {
        return "https://www.nexmark.com/" + Text.word(random, 5).replace(' ', '_') + "/"
                + Text.word(random, 5).replace(' ', '_') + "/"
                + Text.word(random, 5).replace(' ', '_')
                + "/item.htm?query=1";
    }
}
