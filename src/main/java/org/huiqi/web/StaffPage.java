package org.huiqi.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the staff view at {@code /staff}: static files are only found by their file name
 * ({@code /staff.html}), and staff are told the short address.
 */
@Path("/staff")
public class StaffPage {
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public InputStream page() {
        return StaffPage.class.getResourceAsStream("/META-INF/resources/staff.html");
    }
}
