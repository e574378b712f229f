package io.callrecords.calls;

/** A derived record and the settings version it was derived with. */
record DerivedCall(DerivedRecord record, int settingsVersion) {}
