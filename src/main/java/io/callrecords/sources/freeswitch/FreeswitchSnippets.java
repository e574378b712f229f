package io.callrecords.sources.freeswitch;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.sources.SourceEndpoints;

/**
 * The configuration an operator pastes into FreeSWITCH (FusionPBX: Advanced → XML Editor, autoload_configs), filled
 * with the account's URL and a key of the write scope: mod_json_cdr's and mod_xml_cdr's settings that make each leg
 * post here at hangup, retried on failure and kept on disk until it is taken.
 */
public final class FreeswitchSnippets {

    /** What stands for the key until one is made for the snippet. */
    public static final String KEY_PLACEHOLDER = "PASTE-A-KEY-WITH-THE-WRITE-SCOPE";

    private FreeswitchSnippets() {}

    /** Where FreeSWITCH posts its CDRs (see {@link SourceEndpoints}). */
    public static String endpointUrl(CallrecordsProperties properties) {
        return SourceEndpoints.url(properties, FreeswitchController.CDR_PATH);
    }

    public static String jsonCdr(String url, String key) {
        return """
                <configuration name="json_cdr.conf" description="JSON CDR">
                  <settings>
                    <param name="url" value="%s"/>
                    <param name="auth-scheme" value="basic"/>
                    <param name="cred" value="freeswitch:%s"/>
                    <param name="encode" value="true"/>
                    <param name="encode-values" value="true"/>
                    <param name="log-b-leg" value="true"/>
                    <param name="prefix-a-leg" value="true"/>
                    <param name="retries" value="3"/>
                    <param name="delay" value="5"/>
                    <param name="log-http-and-disk" value="false"/>
                    <param name="err-log-dir" value="$${log_dir}/json_cdr_errors"/>
                  </settings>
                </configuration>
                """.formatted(xmlAttr(url), xmlAttr(key));
    }

    public static String xmlCdr(String url, String key) {
        return """
                <configuration name="xml_cdr.conf" description="XML CDR CURL logger">
                  <settings>
                    <param name="url" value="%s"/>
                    <param name="auth-scheme" value="basic"/>
                    <param name="cred" value="freeswitch:%s"/>
                    <param name="log-b-leg" value="true"/>
                    <param name="prefix-a-leg" value="true"/>
                    <param name="encode" value="true"/>
                    <param name="retries" value="3"/>
                    <param name="delay" value="5"/>
                    <param name="log-http-and-disk" value="true"/>
                    <param name="log-dir" value="$${log_dir}/xml_cdr"/>
                    <param name="err-log-dir" value="$${log_dir}/xml_cdr_errors"/>
                  </settings>
                </configuration>
                """.formatted(xmlAttr(url), xmlAttr(key));
    }

    private static String xmlAttr(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
