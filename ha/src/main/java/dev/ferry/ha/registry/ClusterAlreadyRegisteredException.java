package dev.ferry.ha.registry;

import dev.ferry.ha.HaException;

/** Another cluster already has this name. */
public class ClusterAlreadyRegisteredException extends HaException {

    private final String name;
    private final String existingApplicationId;

    public ClusterAlreadyRegisteredException(String name, String existingApplicationId) {
        super("Cluster name '" + name + "' is already registered by application " + existingApplicationId
                + ": choose another name or remove that cluster first");
        this.name = name;
        this.existingApplicationId = existingApplicationId;
    }

    public String name() {
        return name;
    }

    public String existingApplicationId() {
        return existingApplicationId;
    }
}
