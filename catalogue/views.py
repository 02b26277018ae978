from django.http import JsonResponse

from .serializers import catalogue_dict


def catalogue_json(request):
    return JsonResponse(catalogue_dict(), json_dumps_params={"ensure_ascii": False})
