package io.callrecords;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesKeepTheirBoundaries() {
        ApplicationModules.of(CallrecordsApplication.class).verify();
    }
}
