package io.callrecords;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.OwnApp;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;
import org.springframework.test.context.TestPropertySource;

/**
 * What an integrator does: generate a Java client from the served OpenAPI document with openapi-generator (the
 * {@code java} generator, library {@code native}: java.net.http and Jackson), compile it, and use it against the
 * running service: send call events, list the calls, read one, subscribe a webhook and list the subscriptions. A
 * document without a schema for any of these answers or bodies gives a client that cannot do it, and this test fails.
 */
@OwnApp // loopback allowed as an outbound host
@TestPropertySource(properties = "callrecords.outbound.allowed-hosts=127.0.0.1")
class OpenApiClientTest extends AppTestSupport {

    private static final String PACKAGE = "com.example.callrecords.client";

    @TempDir
    Path work;

    @Test
    void aClientGeneratedFromTheDocumentSendsListsReadsAndSubscribes() throws Exception {
        String key = newAccount("generated-client");
        Path spec = work.resolve("openapi.json");
        Files.writeString(spec, api.get("/v3/api-docs", null).raw().body());

        ClassLoader client = compile(generate(spec));
        Object apiClient = client.loadClass(PACKAGE + ".ApiClient").getConstructor().newInstance();
        invoke(apiClient, "updateBaseUri", "http://127.0.0.1:" + port);
        Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization", "Bearer " + key);
        invoke(apiClient, "setRequestInterceptor", bearer);
        ObjectMapper json = (ObjectMapper) invoke(apiClient, "getObjectMapper");
        Object calls = api(client, "CallsApi", apiClient);
        Object webhooks = api(client, "WebhooksApi", apiClient);

        // intake, with the client's own model of an event
        String call = UUID.randomUUID().toString();
        Class<?> eventType = client.loadClass(PACKAGE + ".model.CallEvent");
        List<Object> events = List.of(
                json.readValue("{\"id\": \"c-1\", \"call_uuid\": \"" + call + "\", \"action\": \"init\", \"at\":"
                        + " \"2026-03-26T10:00:00Z\", \"detail\": {\"caller\": {\"number\": \"+905321234567\","
                        + " \"type\": \"contact\"}, \"callee\": {\"number\": \"+908502010000\", \"type\": \"greeting\","
                        + " \"id\": 1}}}", eventType),
                json.readValue("{\"id\": \"c-2\", \"call_uuid\": \"" + call + "\", \"action\": \"hangup\", \"at\":"
                        + " \"2026-03-26T10:00:38Z\", \"detail\": {\"hangup_by\": \"contact\"}}", eventType));
        Object accepted = invoke(calls, "postCallEvents", events);
        assertThat(invoke(invoke(accepted, "getData"), "getAccepted")).isEqualTo(2);

        // list and detail, typed: the record's fields come back as the client's types
        Object page = invokeWithNulls(calls, "listCalls");
        List<?> records = (List<?>) invoke(page, "getData");
        assertThat(records).hasSize(1);
        assertThat(invoke(records.getFirst(), "getUuid").toString()).isEqualTo(call);
        Object one = invoke(invoke(calls, "getCall", call, null), "getData");
        assertThat(invoke(one, "getUuid").toString()).isEqualTo(call);
        assertThat(invoke(one, "getCallDuration")).isEqualTo(38);
        assertThat(invoke(one, "getCallerNumber")).isEqualTo("+905321234567");
        assertThat((List<?>) invoke(one, "getCallFlow")).hasSize(2);

        // webhooks: subscribe (the secret is in this answer only), then list
        Object request = json.readValue("{\"url\": \"https://127.0.0.1:9/hook\", \"events\": [\"call_hangup\"],"
                + " \"description\": \"CRM\"}", client.loadClass(PACKAGE + ".model.WebhookRequest"));
        Object created = invoke(invoke(webhooks, "createWebhook", request), "getData");
        assertThat((String) invoke(created, "getSecret")).startsWith("whsec_");
        List<?> subscriptions = (List<?>) invoke(invoke(webhooks, "listWebhooks"), "getData");
        assertThat(subscriptions).hasSize(1);
        assertThat(invoke(subscriptions.getFirst(), "getUrl").toString()).isEqualTo("https://127.0.0.1:9/hook");
        assertThat(invoke(subscriptions.getFirst(), "getId")).isEqualTo(invoke(created, "getId"));
    }

    /** The generated sources, as {@code openapi-generator generate -g java --library native} writes them. */
    private Path generate(Path spec) {
        Path out = work.resolve("generated");
        GlobalSettings.setProperty(CodegenConstants.MODEL_TESTS, "false");
        GlobalSettings.setProperty(CodegenConstants.API_TESTS, "false");
        GlobalSettings.setProperty(CodegenConstants.MODEL_DOCS, "false");
        GlobalSettings.setProperty(CodegenConstants.API_DOCS, "false");
        try {
            ClientOptInput input = new CodegenConfigurator()
                    .setGeneratorName("java").setLibrary("native")
                    .setInputSpec(spec.toString()).setOutputDir(out.toString())
                    .setInvokerPackage(PACKAGE).setApiPackage(PACKAGE + ".api").setModelPackage(PACKAGE + ".model")
                    .addAdditionalProperty(CodegenConstants.HIDE_GENERATION_TIMESTAMP, true)
                    .addAdditionalProperty("useJakartaEe", true)
                    .toClientOptInput();
            new DefaultGenerator().opts(input).generate();
        } finally {
            GlobalSettings.reset();
        }
        return out.resolve("src/main/java");
    }

    /** Compiles the sources against this test's class path and loads them. */
    private ClassLoader compile(Path sources) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        assertThat(files).as("generated sources").isNotEmpty();
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8");
        boolean compiled = javac.getTask(messages, null, null, options, null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(files)).call();
        assertThat(compiled).as("the generated client compiles:\n" + messages).isTrue();
        return new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    private static Object api(ClassLoader client, String name, Object apiClient) throws ReflectiveOperationException {
        Class<?> type = client.loadClass(PACKAGE + ".api." + name);
        return type.getConstructor(client.loadClass(PACKAGE + ".ApiClient")).newInstance(apiClient);
    }

    /** Calls the public method of that name and number of arguments. */
    private static Object invoke(Object target, String name, Object... arguments) throws Exception {
        Method method = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == arguments.length)
                .findFirst().orElseThrow(() -> new AssertionError(target.getClass().getSimpleName() + " has no "
                        + name + " with " + arguments.length + " arguments: the document lacks what it needs"));
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Calls the method of that name with the most parameters (every optional filter), all of them left out. */
    private static Object invokeWithNulls(Object target, String name) throws Exception {
        Method method = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(name))
                .filter(m -> Arrays.stream(m.getParameterTypes()).noneMatch(Class::isPrimitive))
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new AssertionError("no " + name));
        return invoke(target, name, new Object[method.getParameterCount()]);
    }
}
