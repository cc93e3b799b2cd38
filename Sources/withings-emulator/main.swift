print("withings-emulator")
