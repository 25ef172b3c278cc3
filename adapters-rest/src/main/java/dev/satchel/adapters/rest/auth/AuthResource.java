package dev.satchel.adapters.rest.auth;

import dev.satchel.adapters.rest.ClientAddress;
import dev.satchel.application.user.LogInCommand;
import dev.satchel.application.user.LogInUseCase;
import dev.satchel.application.user.RegisterUserCommand;
import dev.satchel.application.user.RegisterUserUseCase;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.user.UserId;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registration and login: the only endpoints besides public links that need no token. */
@Path("/")
@Tag(name = "Authentication")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
  private final RegisterUserUseCase register;
  private final LogInUseCase logIn;

  public AuthResource(RegisterUserUseCase register, LogInUseCase logIn) {
    this.register = register;
    this.logIn = logIn;
  }

  @POST
  @Path("register")
  @Operation(operationId = "register", summary = "Create an account")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CredentialsRequest.class)))
  @APIResponse(responseCode = "201", description = "Registered",
      content = @Content(schema = @Schema(implementation = RegisteredResponse.class)))
  @APIResponse(responseCode = "400", description = "Malformed body, invalid email, or password not 8 to 1024 characters")
  @APIResponse(responseCode = "409", description = "Email already registered (case-insensitive)")
  public Response register(CredentialsRequest body) {
    CredentialsRequest credentials = require(body);
    UserId id = register.register(new RegisterUserCommand(credentials.email(), credentials.password()));
    return Response.status(Response.Status.CREATED)
        .entity(new RegisteredResponse("User registered successfully", id.value()))
        .build();
  }

  @POST
  @Path("login")
  @Operation(operationId = "login", summary = "Exchange email and password for a bearer token")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CredentialsRequest.class)))
  @APIResponse(responseCode = "200", description = "Logged in",
      content = @Content(schema = @Schema(implementation = TokenResponse.class)))
  @APIResponse(responseCode = "400", description = "Malformed body")
  @APIResponse(responseCode = "401", description = "Wrong email or password (same answer for both)")
  @APIResponse(responseCode = "429", description = "Too many failed attempts, or the rate limit; see Retry-After")
  public TokenResponse logIn(CredentialsRequest body, @Context HttpServerRequest request) {
    CredentialsRequest credentials = require(body);
    return TokenResponse.from(
        logIn.logIn(new LogInCommand(credentials.email(), credentials.password(), ClientAddress.of(request))));
  }

  private static CredentialsRequest require(CredentialsRequest body) {
    if (body == null) {
      throw new InvalidInput("body", "A JSON body with email and password is required.");
    }
    if (body.email() == null) {
      throw new InvalidInput("email", "email is required.");
    }
    if (body.password() == null) {
      throw new InvalidInput("password", "password is required.");
    }
    return body;
  }
}
