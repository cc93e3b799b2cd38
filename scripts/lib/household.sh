# Shared by scripts/demo.sh and scripts/ha-check/run.sh: the emulator's demo household (alice and bob) and a
# bridge on loopback. Source it after setting mqtt_port, emulator_port, webhook_port, state and bin.

# write_household_config FILE CLIENT_ID WEBHOOK_SECRET [EXTRA_YAML_LINES]
# The bridge's configuration: the emulator as Withings, both accounts, webhooks on the loopback listener.
write_household_config() {
    cat >"$1" <<YAML
mqtt:
  host: 127.0.0.1
  port: $mqtt_port
  client_id: $2
withings:
  client_id: demo-client
  client_secret: demo-secret
  redirect_uri: http://127.0.0.1:$webhook_port/oauth/callback
  api_url: http://127.0.0.1:$emulator_port
  authorize_url: http://127.0.0.1:$emulator_port/oauth2_user/authorize2
accounts:
  - name: alice
  - name: bob
webhook:
  enabled: true
  listen: 127.0.0.1:$webhook_port
  public_url: http://127.0.0.1:$webhook_port
  secret: $3
state_dir: $state/bridge
log_level: info
${4:-}
YAML
}

# authorise_household OAUTH_STATE
# Logs alice and bob in with `withings2mqtt auth` (the configuration from WITHINGS2MQTT_CONFIG).
authorise_household() {
    local account authorize redirect
    for account in alice bob; do
        # The emulator's authorize page redirects at once (userid picks the person); a real one asks to log in.
        authorize="http://127.0.0.1:$emulator_port/oauth2_user/authorize2?response_type=code&client_id=demo-client"
        authorize+="&scope=user.info,user.metrics,user.activity,user.sleepevents&state=$1&userid=$account"
        authorize+="&redirect_uri=http://127.0.0.1:$webhook_port/oauth/callback"
        redirect=$(curl -s -o /dev/null -w '%{redirect_url}' "$authorize")
        "$bin/withings2mqtt" auth --account "$account" --redirect-url "$redirect"
    done
}
