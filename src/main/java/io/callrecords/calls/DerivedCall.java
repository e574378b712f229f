package io.callrecords.calls;

/** A derived record and the settings version it was derived with. */
record DerivedCall(CallRecord record, int settingsVersion) {}
