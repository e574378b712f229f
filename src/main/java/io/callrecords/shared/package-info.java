/**
 * Shared kernel: configuration properties, the JSON error envelope every module answers with, the SSRF guard of
 * outbound calls, and the filters in front of every request (canonical paths, nosniff).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.callrecords.shared;
