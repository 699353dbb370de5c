from django import forms

from .models.ceremony import DEFAULT_GROUP_SIZE


class SettingForm(forms.Form):
    group_size = forms.IntegerField(
        label="Số người mỗi lượt lên sân khấu",
        min_value=1,
        max_value=50,
        initial=DEFAULT_GROUP_SIZE,
    )
    background = forms.FileField(
        label="Ảnh nền trình chiếu (JPEG, PNG; tối đa 8 MB)", required=False
    )
    remove_background = forms.BooleanField(label="Bỏ ảnh nền hiện có", required=False)


class GroupForm(forms.Form):
    presenter = forms.TypedChoiceField(
        label="Lãnh đạo trao thưởng", required=False, coerce=int, empty_value=None
    )
    presenter_text = forms.CharField(
        label="Hoặc ghi tên, chức vụ người trao", max_length=200, required=False
    )
    words = forms.CharField(
        label="Lời dẫn", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, leaders=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].choices = [("", "— Chọn lãnh đạo —"), *leaders]


class ProfileForm(forms.Form):
    photo = forms.FileField(label="Ảnh chân dung (JPEG, PNG; tối đa 8 MB)", required=False)
    remove_photo = forms.BooleanField(label="Xóa ảnh hiện có", required=False)
    slide_line = forms.CharField(
        label="Thành tích tóm tắt (một dòng trên màn hình)", max_length=200, required=False
    )
    story = forms.CharField(
        label="Câu chuyện ngắn (bảng vinh danh)",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    consent = forms.BooleanField(
        label="Người được khen (hoặc đại diện tập thể) đồng ý công khai ảnh và câu chuyện",
        required=False,
    )
