TRANSITIONS = {
    ("idle", "start"): "running",
    ("running", "pause"): "paused",
    ("paused", "resume"): "running",
    ("running", "stop"): "idle",
}


def run(events):
    state = "idle"
    history = [state]
    for ev in events:
        state = TRANSITIONS.get((state, ev), state)
        history.append(state)
    return history


print(run(["start", "pause", "pause", "resume", "stop", "resume"]))
