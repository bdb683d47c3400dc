package dev.ferry.sandbox.cluster;

import org.apache.hadoop.yarn.server.resourcemanager.ResourceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Makes the ResourceManager's web UI and REST API answer in a JVM that also runs NodeManagers.
 *
 * <p>Hadoop's web servers install Guice's {@code GuiceFilter} by class name, so every one of
 * them serves whichever Guice pipeline was created last. The NodeManagers start after the
 * ResourceManager: without this, {@code /cluster} and {@code /ws/v1/cluster} on the RM port
 * answer 404 and {@code /} redirects to the NodeManager page. Pointing the shared pipeline back
 * at the ResourceManager's fixes the RM side; the NodeManager UI then shows RM pages too.
 */
final class ResourceManagerWebUi {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceManagerWebUi.class);

    private ResourceManagerWebUi() {}

    static void routeSharedGuicePipelineTo(ResourceManager resourceManager) {
        try {
            Method getWebapp = ResourceManager.class.getDeclaredMethod("getWebapp");
            getWebapp.setAccessible(true);
            Object webApp = getWebapp.invoke(resourceManager);
            Object guiceFilter = field(webApp.getClass(), "guiceFilter").get(webApp);
            Class<?> guiceFilterClass = Class.forName("com.google.inject.servlet.GuiceFilter");
            Object resourceManagerPipeline =
                    field(guiceFilterClass, "injectedPipeline").get(guiceFilter);
            field(guiceFilterClass, "pipeline").set(null, resourceManagerPipeline);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "ResourceManager web UI may show NodeManager pages: cannot route Guice pipeline ({})",
                    e.toString());
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                Field field = current.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
