#!/usr/bin/env python3
"""Re-verify an audit-service export without trusting the service (Python 3 standard library; openssl for signatures).

    curl -H "Authorization: Bearer $TOKEN" http://localhost:8084/api/v1/audit/export > export.json
    python3 verify_audit_log.py export.json [checkpoint.json checkpoint-key.pub.pem]

Exit 0 when every entry verifies (and the checkpoint matches and is signed); 1 naming the first broken sequence.
"""
import hashlib, json, os, subprocess, sys, tempfile

GENESIS = "0" * 64

def canonical(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

def entry_hash(previous_hash, e):
    fields = {"actor": {"agency": e["actor"]["agency"], "sub": e["actor"]["sub"]}, "caseId": e["caseId"],
              "data": e["data"], "eventId": e["eventId"], "occurredAt": e["occurredAt"], "recordedAt": e["recordedAt"],
              "sequence": e["sequence"], "source": e["source"], "type": e["type"]}
    return hashlib.sha256(previous_hash.encode("ascii") + canonical(fields).encode("utf-8")).hexdigest()

def verify(entries):
    """Returns (first broken sequence or None, hashes by sequence)."""
    hashes, expected, previous = {}, None, None
    for e in entries:
        if expected is None:  # an export from sequence 1 starts at the genesis value; a later range at its own anchor
            expected = e["sequence"]
            previous = GENESIS if expected == 1 else e["previousHash"]
        if e["sequence"] != expected:
            return expected, hashes                      # a missing (deleted or moved) entry
        if e["previousHash"] != previous or entry_hash(previous, e) != e["hash"]:
            return e["sequence"], hashes                 # does not link, or not the hash of its own fields
        hashes[e["sequence"]] = previous = e["hash"]
        expected += 1
    return None, hashes

def signed_text(checkpoint):
    """What the checkpoint's signature is over: its head, instant and place in the series (number absent: made before the series began)."""
    fields = ("hash", "instant", "sequence") if checkpoint.get("number") is None \
        else ("hash", "instant", "number", "previousSequence", "sequence")
    return canonical({k: checkpoint[k] for k in fields})

def signature_valid(checkpoint, public_key_pem):
    signed = signed_text(checkpoint)
    with tempfile.TemporaryDirectory() as d:
        msg, sig = os.path.join(d, "msg"), os.path.join(d, "sig")
        open(msg, "wb").write(signed.encode("utf-8"))
        open(sig, "wb").write(__import__("base64").b64decode(checkpoint["signature"]))
        run = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", public_key_pem, "-rawin",
                              "-in", msg, "-sigfile", sig], capture_output=True)
        return run.returncode == 0

if __name__ == "__main__":
    entries = json.load(open(sys.argv[1], encoding="utf-8"))
    broken, hashes = verify(entries)
    if broken is not None:
        print("BROKEN at sequence %d" % broken)
        sys.exit(1)
    print("chain verified: %d entries, head %s" % (len(entries), entries[-1]["hash"] if entries else GENESIS))
    if len(sys.argv) > 3:
        checkpoint = json.load(open(sys.argv[2], encoding="utf-8"))
        if not signature_valid(checkpoint, sys.argv[3]):
            print("checkpoint signature INVALID")
            sys.exit(1)
        if hashes.get(checkpoint["sequence"]) != checkpoint["hash"]:
            print("log does NOT match the signed checkpoint at sequence %d" % checkpoint["sequence"])
            sys.exit(1)
        print("matches the signed checkpoint at sequence %d" % checkpoint["sequence"])
