package dev.ferry.launcher.deployment;

import dev.ferry.launcher.error.FerryException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"analytics", "etl-2", "team_a", "0day"})
    void lowerCaseNamesAreAccepted(String name) {
        assertThat(new ClusterName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Analytics", "-leading-dash", "has space", "slash/name", "name:with:colon"})
    void namesYarnTagsWouldMangleAreRefusedWithTheRule(String name) {
        assertThatThrownBy(() -> new ClusterName(name))
                .isInstanceOf(FerryException.class)
                .hasMessageContaining("Invalid cluster name")
                .hasMessageContaining("lower-case letters");
    }
}
