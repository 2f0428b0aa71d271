package org.gatehouse.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One row of the change feed: "{@code topic} item {@code key} changed at {@code occurredAt}". */
@Entity
@Table(name = "change_event")
public class ChangeEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String topic;

    @Column(name = "item_key")
    private String key;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected ChangeEvent() {
    }

    ChangeEvent(String topic, String key, Instant occurredAt) {
        this.topic = topic;
        this.key = key;
        this.occurredAt = occurredAt;
    }

    public Long getId() { return id; }
    public String getTopic() { return topic; }
    public String getKey() { return key; }
    public Instant getOccurredAt() { return occurredAt; }
}
