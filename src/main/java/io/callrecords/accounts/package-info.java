/** Accounts, API keys, the auth filter and rate limits, and the versioned account settings. */
package io.callrecords.accounts;
