package dev.ferry.ha.registry;

/** A record with the znode version it was read at, for optimistic updates. */
public record Versioned<T>(T value, int version) {}
