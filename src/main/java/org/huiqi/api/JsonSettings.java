package org.huiqi.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.huiqi.profile.ProfileJson;

/**
 * The API reads JSON as strictly as scenario files do, and writes it through Blackbird: record
 * accessors called through generated lambdas rather than reflection (issue 10's profile of a
 * 50 KB answer put reflective Method.invoke at 6% of all CPU).
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        ProfileJson.configure(mapper);
        mapper.registerModule(new BlackbirdModule());
    }
}
