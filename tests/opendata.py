"""Reading /data/katalog.json in tests: the first request after an edit streams it."""

import json


def body(response) -> bytes:
    """The response's bytes, whether streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def data(response) -> dict:
    """katalog.json (or any JSON response) as Python data, whether streamed or not."""
    return json.loads(body(response))


def katalog(client, **kwargs) -> dict:
    response = client.get("/data/katalog.json", **kwargs)
    assert response.status_code == 200, response.status_code
    return data(response)
