package org.huiqi.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.huiqi.profile.ProfileJson;

/** The API reads JSON as strictly as scenario files do. */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        ProfileJson.configure(mapper);
    }
}
