package dev.ferry.ha.registry;

import dev.ferry.ha.HaException;

/** No cluster is registered under this name. */
public class ClusterNotFoundException extends HaException {

    public ClusterNotFoundException(String name) {
        super("No cluster named '" + name + "' is registered: list the registered clusters and check the name");
    }
}
