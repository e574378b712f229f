/**
 * The Hipcall mirror (docs/hipcall.md): Hipcall's webhooks and API kept as Hipcall computed them. {@link
 * io.callrecords.sources.hipcall.HipcallSettings} is what the settings page uses.
 */
@org.springframework.modulith.NamedInterface("hipcall")
package io.callrecords.sources.hipcall;
