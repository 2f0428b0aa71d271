/** Admin services: validation, the change in one transaction, the audit event. No Faces here. */
package org.gatehouse.admin.control;
