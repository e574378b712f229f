/** Shared kernel: configuration properties and the JSON error envelope every module answers with. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.callrecords.shared;
