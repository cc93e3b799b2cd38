print("withings2mqtt")
