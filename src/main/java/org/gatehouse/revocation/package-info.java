/**
 * Token revocation (RFC 7009): revoking a refresh or access token revokes its whole grant.
 */
package org.gatehouse.revocation;
