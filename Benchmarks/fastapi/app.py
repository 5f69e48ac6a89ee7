"""What a team writes instead of the mock: a FastAPI stub of the Node API's /sms/create, with no state.

It checks Basic auth and the body's shape with pydantic, and answers a fixed package id, as a hand-written stub
does. Served by uvicorn with one worker, the way such stubs run in a CI job.
"""
import base64
import itertools

from fastapi import FastAPI, Header
from pydantic import BaseModel

app = FastAPI()
ids = itertools.count(100_001)


class CreateSms(BaseModel):
    type: int
    sendingType: int
    number: int | None = None
    numbers: list[int] | None = None
    sender: str
    title: str
    content: str


@app.post("/sms/create")
def create(body: CreateSms, authorization: str = Header(default="")):
    if base64.b64decode(authorization.removeprefix("Basic ")).decode() != "admin:123456":
        return {"err": {"code": "ERR_UNAUTHORIZED_REQUEST", "message": "Yetkisiz istek.", "status": 401}, "data": None}
    return {"err": None, "data": {"pkgID": next(ids)}}


@app.get("/mock/health")
def health():
    return None
