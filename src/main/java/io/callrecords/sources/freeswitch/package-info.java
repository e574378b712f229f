/**
 * FreeSWITCH and FusionPBX as a source (issue 18): the CDRs mod_json_cdr, mod_xml_cdr and mod_format_cdr post, one per
 * leg, grouped into calls by their A-leg and translated into the call's events; the profile, the settings page's
 * snippets and the importer of a directory of CDR files.
 */
@org.springframework.modulith.NamedInterface("freeswitch")
package io.callrecords.sources.freeswitch;
