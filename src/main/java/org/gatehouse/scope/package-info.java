/**
 * The scope catalogue (RFC 6749 §3.3): names and the descriptions shown on the consent page.
 */
package org.gatehouse.scope;
