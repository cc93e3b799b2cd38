import WithingsAPI

extension ConfigurationValidator {
    /// Checks `mqtt:`: host, ports, topics and TLS files.
    func validateMQTT(_ mqtt: Configuration.MQTT) {
        if mqtt.host.trimmingWhitespace().isEmpty {
            collector.problem("mqtt.host", "is empty; allowed: the broker's host name or IP, e.g. localhost")
        } else if mqtt.host.contains("://") || mqtt.host.contains(" ") || mqtt.host.contains("/") {
            collector.problem(
                "mqtt.host",
                "\"\(mqtt.host)\" is not a host name; allowed: a name or IP only, e.g. localhost "
                    + "(set the port with mqtt.port and TLS with mqtt.tls)")
        }
        if !(1...65535).contains(mqtt.port) {
            collector.problem("mqtt.port", "\(mqtt.port) is out of range; allowed: 1 to 65535")
        }
        if !(5...65535).contains(mqtt.keepalive) {
            collector.problem("mqtt.keepalive", "\(mqtt.keepalive) is out of range; allowed: 5 to 65535 seconds")
        }
        if mqtt.clientID.trimmingWhitespace().isEmpty {
            collector.problem(
                "mqtt.client_id", "is empty; allowed: a name unique per bridge instance, e.g. withings2mqtt")
        }
        if mqtt.password != nil && mqtt.username == nil {
            collector.warning(
                "mqtt.password", "is set but mqtt.username is not; the password is not sent without a user name")
        }
        validateTopics(mqtt)
        validateTLS(mqtt)
    }

    private func validateTopics(_ mqtt: Configuration.MQTT) {
        let base = checkTopic(mqtt.baseTopic, at: "mqtt.base_topic", example: "withings2mqtt")
        let prefix = checkTopic(mqtt.discoveryPrefix, at: "mqtt.discovery_prefix", example: "homeassistant")
        _ = checkTopic(mqtt.statusTopic, at: "mqtt.status_topic", example: "homeassistant/status")
        guard base, prefix else { return }
        if mqtt.baseTopic == mqtt.discoveryPrefix {
            collector.problem(
                "mqtt.base_topic",
                "\"\(mqtt.baseTopic)\" equals mqtt.discovery_prefix; allowed: a topic outside the discovery prefix, "
                    + "e.g. withings2mqtt")
        } else if mqtt.baseTopic.hasPrefix(mqtt.discoveryPrefix + "/") {
            collector.problem(
                "mqtt.base_topic",
                "\"\(mqtt.baseTopic)\" lies inside mqtt.discovery_prefix \"\(mqtt.discoveryPrefix)\"; "
                    + "allowed: a topic outside it, e.g. withings2mqtt")
        } else if mqtt.discoveryPrefix.hasPrefix(mqtt.baseTopic + "/") {
            collector.problem(
                "mqtt.discovery_prefix",
                "\"\(mqtt.discoveryPrefix)\" lies inside mqtt.base_topic \"\(mqtt.baseTopic)\"; "
                    + "allowed: a prefix outside it, e.g. homeassistant")
        }
    }

    /// Reports a topic that is empty, has wildcards or empty levels at its ends; true when it is usable.
    private func checkTopic(_ topic: String, at path: String, example: String) -> Bool {
        let reason: String
        if topic.isEmpty {
            reason = "is empty"
        } else if topic.contains("+") || topic.contains("#") {
            reason = "\"\(topic)\" contains a wildcard (+ or #)"
        } else if topic.hasPrefix("/") || topic.hasSuffix("/") || topic.contains("//") {
            reason = "\"\(topic)\" has an empty level (a leading, trailing or double /)"
        } else if topic.contains("\0") || topic.contains(" ") {
            reason = "\"\(topic)\" contains a space or NUL"
        } else {
            return true
        }
        collector.problem(path, "\(reason); allowed: topic levels joined by /, without + or #, e.g. \(example)")
        return false
    }

    private func validateTLS(_ mqtt: Configuration.MQTT) {
        let files = [("mqtt.ca_file", mqtt.caFile), ("mqtt.cert_file", mqtt.certFile), ("mqtt.key_file", mqtt.keyFile)]
        guard mqtt.tls else {
            for (path, value) in files where value != nil {
                collector.warning(path, "is ignored because mqtt.tls is false")
            }
            return
        }
        for (path, value) in files {
            guard let value else { continue }
            if let failure = SecretFileReader.checkReadable(value) {
                collector.problem(path, "cannot use \(value): it \(failure); allowed: a readable PEM file")
            }
        }
        if (mqtt.certFile == nil) != (mqtt.keyFile == nil) {
            let missing = mqtt.certFile == nil ? "mqtt.cert_file" : "mqtt.key_file"
            collector.problem(missing, "missing; a client certificate needs both mqtt.cert_file and mqtt.key_file")
        }
    }
}
