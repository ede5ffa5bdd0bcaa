package org.huiqi.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.huiqi.profile.ProfileJson;
import org.huiqi.profile.ProfileLimits;

/**
 * The API reads JSON as strictly as scenario files do, and writes it through Blackbird: record
 * accessors called through generated lambdas rather than reflection (issue 10's profile of a
 * 50 KB answer put reflective Method.invoke at 6% of all CPU). Nesting is held to
 * {@link ProfileLimits#MAX_NESTING_DEPTH}.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        ProfileJson.configure(mapper);
        mapper.registerModule(new BlackbirdModule());
        // Every JSON body the API reads (single requests, batches, drafts) goes through this factory:
        // nesting is refused at the parser, before a token of it is kept.
        mapper.getFactory().setStreamReadConstraints(mapper.getFactory().streamReadConstraints().rebuild()
                .maxNestingDepth(ProfileLimits.MAX_NESTING_DEPTH).build());
    }
}
